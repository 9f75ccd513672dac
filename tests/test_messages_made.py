"""Every message meant for a person that is made below the views is a translatable Message.

The window shows errors in its language (app/domain/messages.py): a message raised as an
f-string or a plain literal would reach a German window in English. This reads the source
(like tests/test_layers.py) and lists every call that makes a user-facing error, a form's or a
row's problem, with literal text instead of ``msg(...)``. The CLI (``app/cli.py``, English by
contract) and the views (Qt's ``tr``) have their own ways and are not read.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import app
from app.errors import UserFacingError

APP = Path(app.__file__).resolve().parent
SKIP = ("app/views/", "app/cli.py", "app/gui.py", "app/reports/", "app/models/migrations/")
# Problems and values that carry a message without being a UserFacingError themselves.
CARRIERS = {"FieldError": 1, "RowError": 1, "Invalid": 0, "InvalidValue": 0}
# Errors whose later arguments are not words (ImageProblem(message, field)).
FIRST_ONLY = {"ImageProblem"}


def _user_facing_classes() -> set[str]:
    for info in pkgutil.walk_packages([str(APP)], "app."):
        if info.name.startswith(("app.views", "app.gui", "app.models.migrations", "app.__main__")):
            continue
        importlib.import_module(info.name)
    names: set[str] = set()
    todo = [UserFacingError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names


def _literal(node: ast.AST | None) -> bool:
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(c.isalpha() for c in node.value)
    if isinstance(node, ast.IfExp):
        return _literal(node.body) or _literal(node.orelse)
    if isinstance(node, ast.BinOp):  # "a" + b
        return _literal(node.left) or _literal(node.right)
    return False


def literal_messages() -> list[str]:
    classes = _user_facing_classes() - {"CommandError", "NotAPdf"}
    found = []
    for path in sorted(APP.rglob("*.py")):
        where = path.relative_to(APP.parent).as_posix()
        if where.startswith(SKIP):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in FIRST_ONLY:
                args = node.args[:1]
            elif name in classes:
                args = list(node.args)
            elif name in CARRIERS:
                args = node.args[CARRIERS[name] : CARRIERS[name] + 1]
            elif name == "one":  # ValidationError.one(field, message)
                args = node.args[1:2]
            else:
                continue
            if any(_literal(a) for a in args):
                found.append(f"{where}:{node.lineno}: {name}(…)")
    return found


def literal_problems() -> list[str]:
    """Problems returned by a ``*_problem(s)`` function or appended to a list of problems
    (they end up in an error or a form) as plain text."""
    found = []
    for path in sorted(APP.rglob("*.py")):
        where = path.relative_to(APP.parent).as_posix()
        if where.startswith(SKIP):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            returns_problem = "problem" in func.name
            for node in ast.walk(func):
                if returns_problem and isinstance(node, ast.Return) and _literal(node.value):
                    found.append(f"{where}:{node.lineno}: return in {func.name}")
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "append"
                    and ast.unparse(node.func.value).endswith(("problems", "errors"))
                    and any(_literal(a) for a in node.args)
                ):
                    found.append(f"{where}:{node.lineno}: {ast.unparse(node.func)}(…)")
    return found


def test_the_reader_finds_what_it_must_judge():
    assert {"ServiceError", "DatabaseReadOnly", "ImportRejected"} <= _user_facing_classes()
    assert inspect.isclass(UserFacingError)


def test_no_message_for_a_person_is_made_as_plain_text():
    assert literal_messages() == []
    assert literal_problems() == []

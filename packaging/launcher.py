"""Entry script for the frozen build (PyInstaller needs a file, not a console-script)."""

import sys

from app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())

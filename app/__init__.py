"""Untwist: left-versus-right mobility measurements, asymmetry trends and exercise programs."""

__version__ = "0.1.0"

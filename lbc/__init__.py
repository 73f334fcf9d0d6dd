"""lbc: tools for rural schools that look after left-behind children (留守儿童)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("lbc")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

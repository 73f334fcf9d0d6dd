"""lbc: tools for rural schools that look after left-behind children (留守儿童)."""

# The one place the version lives; pyproject.toml reads it from here.
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """``lbc.read``, ``lbc.validate`` and ``lbc.Roster`` (lbc.api), imported when first
    used: ``import lbc`` and the command line never load pandas for them."""
    if name in ("read", "validate", "Roster"):
        from lbc import api

        return getattr(api, name)
    raise AttributeError(f"module 'lbc' has no attribute {name!r}")

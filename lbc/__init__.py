"""lbc: tools for rural schools that look after left-behind children (留守儿童)."""

# The one place the version lives; pyproject.toml reads it from here.
__version__ = "0.1.0"

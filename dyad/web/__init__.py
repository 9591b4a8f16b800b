"""The web explorer: a static single-page app served by ``dyad serve`` at ``/``.

Only static files live here (``static/``: ``index.html``, ES modules, CSS). The charts use
the ``plotly.min.js`` that ships inside the ``plotly`` package, served by the API app at
``/vendor/plotly.min.js``, so the page loads nothing from the internet.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from dyad.errors import ConfigError

PLOTLY_ROUTE = "/vendor/plotly.min.js"


def static_dir() -> Path:
    """The folder of the explorer's static files, found through the installed package."""
    return Path(str(resources.files("dyad.web") / "static"))


def plotly_js() -> Path:
    """The minified Plotly bundle of the installed ``plotly`` package."""
    try:
        import plotly
    except ImportError as exc:
        raise ConfigError("the web explorer needs the 'plotly' package for its charts; "
                          "install it with: pip install plotly") from exc
    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise ConfigError(f"the plotly package at {path.parent.parent} has no "
                          "package_data/plotly.min.js; reinstall it: pip install --force-reinstall plotly")
    return path


__all__ = ["PLOTLY_ROUTE", "plotly_js", "static_dir"]

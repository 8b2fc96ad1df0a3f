"""Project configuration: model, discovery and loading, starter config (``init``)."""

"""Policies: the model (``model``), the loader (``loader``) and the generated JSON Schema (``schema``)."""

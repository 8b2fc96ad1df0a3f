"""Benchmarks for reprint-guard; see bench/README.md."""

"""Benchmarks of the archive: synthetic data and build timings (see build_benchmark.py)."""

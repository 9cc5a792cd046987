"""Benchmarks (not tests): `make bench` runs bench/bench.py."""

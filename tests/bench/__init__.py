"""Scale tooling: a seeded generator of a full-size FSB-shaped dataset, and the benchmark script.

* :mod:`tests.bench.generate` -- ``python -m tests.bench.generate OUTDIR --seed 1 --countries 200 --quarters 40``
* :mod:`tests.bench.benchmark` -- ``python -m tests.bench.benchmark [--data DIR]``

Figures from the benchmark go in README.md ("Benchmarks"); tests never assert timings.
"""

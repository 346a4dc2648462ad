"""Calibration: fit a replica's performance profile to the user's own benchmarks.

Readers turn vLLM benchmark outputs and CSV timings into measurement records
(:mod:`optfleet.calibration.measurements`); the fit adjusts the roofline's free constants until
the model (the engine-level simulator, for serving benchmarks) reproduces them.
"""

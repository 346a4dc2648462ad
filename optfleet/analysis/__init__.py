"""Capacity-planning analyses built on the planner and the simulator (one module per question)."""

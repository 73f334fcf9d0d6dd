"""Matching teachers with children: the problem and its exact solver."""

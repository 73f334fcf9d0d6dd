"""Checking: the rule registry, findings and the checks that emit them."""

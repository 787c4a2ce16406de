"""TAP-style checks for the Python parts of the e2e tests: each check prints
"ok - …" or "not ok - …", and done() exits 1 if any failed."""
import sys

_failed = 0


def check(cond, what):
    global _failed
    print(("ok - " if cond else "not ok - ") + what)
    _failed += not cond
    return cond


def done():
    sys.exit(1 if _failed else 0)

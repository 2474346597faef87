# tests/server: unittest suites for serve.py. Run: python3 -m unittest discover -s tests/server -t <repo root>

# server/: the pieces of serve.py (static files, the demo Workfront instance, the proxy, fault injection,
# test control). serve.py at the repository root is the entry point; see its --help.

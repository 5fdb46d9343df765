"""The attendance area: the desk page (desk.py, with its parts sessions.py, marking.py,
walk_in.py) and the attendance detail dialog (detail.py)."""

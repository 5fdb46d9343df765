"""The workshops area: the Workshops page (page.py, with its list and tabs
workshop_list.py, plan_tab.py, people_tab.py, completion_tab.py), the Programmes dialog
(programme_dialog.py) and the workshop forms' problem texts (problems.py)."""

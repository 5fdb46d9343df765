"""iGOT Karmayogi: linking workshops to blended-programme batches and forwarding attended
marks to learners' iGOT progress (SYNC-PROTOCOL.md §10). No Qt here: the CLI and the GUI
are two faces of these functions."""

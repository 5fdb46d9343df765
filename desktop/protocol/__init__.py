"""The wire format (SYNC-PROTOCOL §1, §4) that store, core and portal share: identifiers and
version stamps, record kinds and their fields. The lowest floor: it imports nothing of ours."""

"""MUC-4 terrorism templates: the classic benchmark for who attacked whom with what.

    templates.py  the records: a document's templates (what `--format muc4` prints)
    gold.py       the answer keys, as the GRIT/GTT JSON Lines in ../shared/eval/muc4/processed
    score.py      the Du et al. (2021) role-filler metric and document-level incident-type F1
    mapping.py    our events (actors, weapons, event types) onto MUC incident types and slots
    system.py     the MUC-4 system: the trained role and type models, with the events
"""

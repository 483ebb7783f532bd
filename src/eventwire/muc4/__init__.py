"""MUC-4 terrorism templates: the classic benchmark for who attacked whom with what.

    templates.py  the records: a document's templates (what `--format muc4` prints)
    gold.py       the answer keys, as the GRIT/GTT JSON Lines in ../shared/eval/muc4/processed
    score.py      the Du et al. (2021) role-filler metric and document-level incident-type F1
    mapping.py    our events (actors, weapons, event types) onto MUC incident types and slots
    doctypes.py   trained: incident types and relevance of a document
    lexicon.py    trained: how often a string fills a role where it appears (DEV priors)
    roles.py      trained: the spaCy role-slot NER, usable on news text too
    system.py     the MUC-4 system: the trained parts and the events, under a named policy
    train.py      `eventwire train muc4`; evaluate.py `eventwire eval muc4`; format.py the writer
"""

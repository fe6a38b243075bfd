"""``polybib review``: a local web app to look at parsed references and correct them.

Modules, one job each:

- ``spans``    where each field's value lies in the original text (for colouring tokens);
- ``records``  one record under review: typed edits, spans labelled by hand, the
               uncertain fields, the record as a labelled reference for training;
- ``session``  the records of a review, saved atomically after every change; imports
               (paste, upload) and exports (.bib, CSL-JSON, RIS, corrections JSONL);
- ``details``  renderings, romanization, lint (with safe fixes) and link status of a record;
- ``views``    the HTTP handlers (JSON);
- ``app``      routes, static files and the guards (Host, token, Origin, sizes, CSP);
- ``server``   listening on 127.0.0.1 with uvicorn and opening the browser.

The page itself is plain HTML, CSS and JavaScript in ``static/`` (no build step, no CDN,
no outside fonts).  The review sits above the pipeline's stages and only calls them.
"""

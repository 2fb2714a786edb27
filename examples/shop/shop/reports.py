#!/usr/bin/env python3
"""Sales reports.

TODO: docstrings are strings, so this line is not a TODO comment.
"""
import csv
import io

# TODO: add a monthly report
HEADER = ["order", "total"]  # not a todo
NOTE = "TODO: this is a string, not a comment"
HASH_IN_STRING = "# TODO: still a string"
PATTERN = r'#TODO\s+'  # TODOs in regexes are fine (a plural is another word)


def daily(rows):
    #TODO tighten the CSV dialect
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow(
            [
                row["order"],
                row["total"],  # TODO: format as money
            ]
        )
    return out.getvalue()


def weekly(rows):
    # todo: lowercase does not count
    # MYTODO and TODO_LIST are other words
    # FIXME/TODO: both tags, TODO counts
    label = f"{len(rows)} rows # TODO inside an f-string"
    return label  # see TODO.md


QUERY = """
SELECT * FROM orders  -- TODO: this is SQL inside a string
"""

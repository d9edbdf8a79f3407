"""Schemathesis hooks for this API's OpenAPI document (docs/api.md, Formats).

The document names two formats that no pattern can express. The fuzzer is taught them here, the way any client
generator would be: `citizen-id` (GB 11643, a real birth date and the ISO 7064 MOD 11-2 check character) and
`page-cursor` (an opaque `nextCursor` the API issued for the same list, which a generator cannot make up).
"""

import itertools
import threading
from datetime import date, timedelta

import schemathesis
from hypothesis import strategies as st

PROVINCES = [
    *range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55), *range(61, 66), 71, 81, 82, 83,
]
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK_CHARS = "10X98765432"


def _citizen_id(province: int, address: int, born: date, sequence: int) -> str:
    body = f"{province:02d}{address:04d}{born:%Y%m%d}{sequence:03d}"
    return body + CHECK_CHARS[sum(int(c) * w for c, w in zip(body, WEIGHTS)) % 11]


schemathesis.openapi.format(
    "citizen-id",
    st.builds(
        _citizen_id,
        st.sampled_from(PROVINCES),
        st.integers(0, 9999),
        st.dates(min_value=date(1930, 1, 1), max_value=date.today() - timedelta(days=366 * 16)),
        st.integers(0, 999),
    ),
)


@schemathesis.hook
def before_load_schema(context, raw_schema):
    """Leaves out the `page-cursor` query parameters: only a cursor from a previous page is valid, and the API's own
    tests page through every list with the cursors it hands out (and refuse made-up ones with 400)."""
    for item in raw_schema.get("paths", {}).values():
        for operation in item.values():
            if isinstance(operation, dict) and "parameters" in operation:
                operation["parameters"] = [
                    p for p in operation["parameters"] if p.get("schema", {}).get("format") != "page-cursor"
                ]


def _role_tokens():
    import json
    import os

    return json.loads(os.environ.get("SIS_ROLE_TOKENS", "{}"))


TOKENS = _role_tokens()


ROLES = itertools.cycle(sorted(TOKENS))
ROLES_LOCK = threading.Lock()


@schemathesis.auth()
class RoleTokens:
    """Every request of every phase is sent as one of the roles (a token per role, minted by the test), taking turns:
    with one worker and a fixed seed the same request goes out as the same role on every run."""

    def get(self, case, context):
        return TOKENS

    def set(self, case, data, context):
        if not data:
            return
        with ROLES_LOCK:
            role = next(ROLES)
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data[role]}"}

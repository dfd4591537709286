"""The committed OpenAPI document validates against the OpenAPI 3.1 meta-schema.

Uses the meta-schema that the pinned Schemathesis ships (copied from the OpenAPI Initiative's
published schemas) and its JSON Schema validator, so no extra download is needed.
Usage: python validate_spec.py api-spec/openapi.json
"""

import json
import sys

import jsonschema_rs
from schemathesis.specs.openapi.definitions import OPENAPI_31


def main(path: str) -> int:
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    if not str(document.get("openapi", "")).startswith("3.1."):
        print(f"{path}: not an OpenAPI 3.1 document (openapi = {document.get('openapi')!r})")
        return 1
    validator = jsonschema_rs.Draft202012Validator(OPENAPI_31)
    errors = list(validator.iter_errors(document))
    for e in errors[:20]:
        print(f"{path}: {'/'.join(map(str, e.instance_path)) or '(root)'}: {e.message}")
    if errors:
        print(f"{path}: {len(errors)} violations of the OpenAPI 3.1 schema")
        return 1
    print(f"{path}: valid OpenAPI {document['openapi']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

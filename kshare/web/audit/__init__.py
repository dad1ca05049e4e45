"""The auditors' pages under ``/audit``: the event log browser and aggregate
histories (``log``), the seals (``seals``) and time travel (``time_travel``).

Only auditors open them: others get a 403 page, and someone signed out is
sent to sign in first.
"""

from flask import Blueprint

from ...audit.diffs import compact
from ...domain.confidential import REDACTED
from ...domain.ids import OPERATOR
from ..access import AUDITORS, require_role
from . import log, seals, time_travel

blueprint = Blueprint("audit", __name__, url_prefix="/audit")
for part in (log.blueprint, seals.blueprint, time_travel.blueprint):
    blueprint.register_blueprint(part)


@blueprint.before_request
def only_auditors() -> None:
    require_role(AUDITORS, "use the audit tools")


@blueprint.app_template_filter("audit_value")
def audit_value(value) -> str:
    """A payload or state value as text: strings as they are, the rest as JSON."""
    return value if isinstance(value, str) else compact(value)


@blueprint.context_processor
def audit_helpers() -> dict:
    return {"OPERATOR_ID": str(OPERATOR), "REDACTED": REDACTED}

//! `/api/v1/audit`: the audit trail (admin and staff).

pub mod list;

//! Roles and the permissions each one holds. The one place that decides who may do what.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A user's role. Stored as its snake_case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Manages users and settings; can do everything staff can.
    Admin,
    /// Community Partnerships & Family Engagement office staff.
    Staff,
    /// A school's partnership coordinator, scoped to one or more schools.
    SchoolCoordinator,
    /// A contact of one partner organization.
    Partner,
    /// A registered volunteer.
    Volunteer,
}

/// Something a caller may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Read the school directory.
    ReadSchools,
    /// Create, edit, archive and import schools.
    ManageSchools,
    /// Create users, change roles and scopes, deactivate users.
    ManageUsers,
    /// Read the audit log.
    ReadAudit,
    /// Read the partner directory (partners: only their own organization).
    ReadOrganizations,
    /// Create and edit organizations and contacts; give contacts a partner login.
    ManageOrganizations,
    /// Move applications through the process: checklists, sub-tasks, notes, assignment.
    ManageApplications,
    /// Read agreements (coordinators: their schools'; partners: their organization's).
    ReadAgreements,
    /// Draft, edit, send, sign for the district, renew and terminate agreements.
    ManageAgreements,
    /// Read the office's dashboards and metrics.
    ReadMetrics,
    /// Change the district's goals.
    ManageGoals,
    /// Read volunteer profiles (coordinators: their schools').
    ReadVolunteers,
    /// Record clearances and manage volunteers.
    ManageVolunteers,
    /// Post, change and cancel opportunities; see their rosters (coordinators: their schools').
    ManageOpportunities,
    /// Approve, reject and correct volunteer hours (coordinators: their schools').
    ReviewHours,
    /// Flag parent leaders (coordinators: volunteers of their schools).
    FlagParentLeaders,
}

impl Role {
    /// Every role, in display order.
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Staff,
        Role::SchoolCoordinator,
        Role::Partner,
        Role::Volunteer,
    ];

    /// The stored name (`school_coordinator`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Staff => "staff",
            Role::SchoolCoordinator => "school_coordinator",
            Role::Partner => "partner",
            Role::Volunteer => "volunteer",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether this role holds the permission.
    pub fn can(self, permission: Permission) -> bool {
        use Permission::*;
        match permission {
            ReadSchools => true,
            ManageSchools | ReadAudit | ManageOrganizations | ManageApplications
            | ManageAgreements | ManageVolunteers => matches!(self, Role::Admin | Role::Staff),
            ReadOrganizations | ReadAgreements => self != Role::Volunteer,
            ReadMetrics | ReadVolunteers | ManageOpportunities | ReviewHours
            | FlagParentLeaders => {
                matches!(self, Role::Admin | Role::Staff | Role::SchoolCoordinator)
            }
            ManageUsers | ManageGoals => self == Role::Admin,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn only_admin_manages_users_and_only_office_manages_schools() {
        assert!(Role::Admin.can(Permission::ManageUsers));
        assert!(!Role::Staff.can(Permission::ManageUsers));
        assert!(Role::Staff.can(Permission::ManageSchools));
        assert!(!Role::SchoolCoordinator.can(Permission::ManageSchools));
        assert!(!Role::Volunteer.can(Permission::ReadAudit));
        assert!(Role::Volunteer.can(Permission::ReadSchools));
    }
}

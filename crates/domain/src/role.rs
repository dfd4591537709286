//! Roles and the permissions each one holds. The one place that decides who may do what.

use serde::{Deserialize, Serialize};

wire_enum!(
    /// A user's role. Stored as its snake_case name.
    Role {
        /// Manages users and settings; can do everything staff can.
        Admin => "admin",
        /// Community Partnerships & Family Engagement office staff.
        Staff => "staff",
        /// A school's partnership coordinator, scoped to one or more schools.
        SchoolCoordinator => "school_coordinator",
        /// A contact of one partner organization.
        Partner => "partner",
        /// A registered volunteer.
        Volunteer => "volunteer",
    }
);

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
    /// Read school needs (coordinators: their schools'; partners: those shown to partners).
    ReadNeeds,
    /// Record, rank and change school needs (coordinators: their schools').
    ManageNeeds,
    /// Read partners' offers (partners: their own).
    ReadOffers,
    /// Record and change partners' offers (partners: their own).
    ManageOffers,
    /// Read proposed matches (coordinators: their schools'; partners: those proposed to them).
    ReadMatches,
    /// Propose a partner's offer for a need, and record the partner's answer.
    ProposeMatches,
    /// Accept or decline a match proposed to one's organization (partners), or record the
    /// answer for a partner (office staff).
    AnswerMatches,
    /// Publish partners' offers in the family resource directory.
    ManageDirectory,
    /// Read the donation ledger and its totals (coordinators: their schools'; partners: their
    /// organization's).
    ReadDonations,
    /// Record donations and void those recorded in error.
    RecordDonations,
}

impl Role {
    /// Whether this role holds the permission.
    pub fn can(self, permission: Permission) -> bool {
        use Permission::*;
        match permission {
            ReadSchools => true,
            ManageSchools | ReadAudit | ManageOrganizations | ManageApplications
            | ManageAgreements | ManageVolunteers | ManageDirectory | RecordDonations => {
                matches!(self, Role::Admin | Role::Staff)
            }
            ReadOrganizations | ReadAgreements | ReadNeeds | ReadOffers | ReadMatches
            | ReadDonations => self != Role::Volunteer,
            ManageOffers | AnswerMatches => {
                matches!(self, Role::Admin | Role::Staff | Role::Partner)
            }
            ProposeMatches => matches!(self, Role::Admin | Role::Staff),
            ReadMetrics | ReadVolunteers | ManageOpportunities | ReviewHours
            | FlagParentLeaders | ManageNeeds => {
                matches!(self, Role::Admin | Role::Staff | Role::SchoolCoordinator)
            }
            ManageUsers | ManageGoals => self == Role::Admin,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(*r));
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

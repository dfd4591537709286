//! One module per page.

pub mod agreement_dashboard;
pub mod agreement_detail;
pub mod agreement_form;
pub mod agreements;
pub mod application_detail;
pub mod applications;
pub mod apply;
pub mod hours;
pub mod login;
pub mod need_form;
pub mod needs;
pub mod not_found;
pub mod opportunities;
pub mod organization_detail;
pub mod organization_form;
pub mod organizations;
pub mod password;
pub mod priorities;
pub mod school_detail;
pub mod school_form;
pub mod schools;
pub mod users;
pub mod volunteer_dashboard;
pub mod volunteer_import;
pub mod volunteers;

//! Small building blocks shared by pages.

pub mod field;
pub mod form;
pub mod load;
pub mod status;

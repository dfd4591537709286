//! Small building blocks shared by pages.

pub mod field;
pub mod load;
pub mod status;

//! `/api/v1/matching`: the weights that score matches of needs and offers (data an admin keeps).

pub mod set_weights;
pub mod weights;

//! QR codes of addresses, as SVG documents (the `qrcode` crate): a school's check-in code and a
//! volunteer's badge.

use crate::error::{ApiError, ApiResult};

/// An SVG QR code of `url`, at least 240 px square.
pub fn svg(url: &str) -> ApiResult<String> {
    Ok(qrcode::QrCode::new(url.as_bytes())
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("QR code: {e}")))?
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(240, 240)
        .build())
}

//! QR codes on the wall: the workshop's join address, the restitution's page for participants'
//! views.

use crate::error::AppError;
use qrcode::QrCode;
use qrcode::render::svg;

/// The QR code of `url`, as an SVG image with a text alternative given by the page.
pub fn qr_svg(url: &str) -> Result<String, AppError> {
    let code = QrCode::new(url.as_bytes()).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(code.render::<svg::Color>().min_dimensions(240, 240).quiet_zone(true).build())
}

/// The QR code of `url` drawn with block characters, for a terminal (`cap venue` prints the
/// address phones open, beside it in full). Drawn for a terminal's usual dark background: the
/// modules are the light characters, as phone cameras read a code on a screen either way.
pub fn qr_text(url: &str) -> Result<String, AppError> {
    let code = QrCode::new(url.as_bytes()).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(code
        .render::<qrcode::render::unicode::Dense1x2>()
        .dark_color(qrcode::render::unicode::Dense1x2::Light)
        .light_color(qrcode::render::unicode::Dense1x2::Dark)
        .quiet_zone(true)
        .build())
}

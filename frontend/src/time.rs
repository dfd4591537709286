//! Times in the browser's own time zone: the API speaks UTC, people read and type local time.

use chrono::{DateTime, Utc};
use wasm_bindgen::JsValue;

use crate::i18n::Lang;

/// A UTC instant as the value of an `<input type="datetime-local">` (`2026-12-01T09:00`).
pub fn to_local_input(at: DateTime<Utc>) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The value of an `<input type="datetime-local">`, read as local time; `None` when empty or
/// not a date and time.
pub fn from_local_input(value: &str) -> Option<DateTime<Utc>> {
    if value.len() < 16 {
        return None;
    }
    // Without an offset, ECMAScript reads a date-time form as local time.
    let ms = js_sys::Date::new(&JsValue::from_str(value)).get_time();
    if ms.is_nan() {
        return None;
    }
    DateTime::from_timestamp_millis(ms as i64)
}

/// A UTC instant as people read it, in the UI's language and the browser's time zone.
pub fn local_text(at: DateTime<Utc>, lang: Lang) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let opts = js_sys::Object::new();
    for (k, v) in [
        ("weekday", "short"),
        ("month", "short"),
        ("day", "numeric"),
        ("hour", "numeric"),
        ("minute", "2-digit"),
    ] {
        let _ = js_sys::Reflect::set(&opts, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    String::from(d.to_locale_string(lang.tag(), &opts))
}

/// Only the time of day of a UTC instant, local.
pub fn local_time(at: DateTime<Utc>, lang: Lang) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let opts = js_sys::Object::new();
    for (k, v) in [("hour", "numeric"), ("minute", "2-digit")] {
        let _ = js_sys::Reflect::set(&opts, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    String::from(d.to_locale_time_string_with_options(lang.tag(), &opts))
}

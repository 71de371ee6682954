//! The part of libtesseract's C API (`tesseract/capi.h`) that sohoa calls, behind a safe
//! handle.
//!
//! In: a tessdata directory, language strings and config files, 8-bit gray pixels. Out: a
//! started engine ([`TessApi`]), Tesseract's TSV text of a page, a page's orientation. It
//! links the system libtesseract (Debian `libtesseract-dev`) directly: the crates that wrap
//! it either generate bindings with libclang or, like `tesseract-rs` even with its
//! system-library feature, pull an HTTP client, TLS and a C crypto library built by `CMake`
//! into the build (for downloading Tesseract's sources), which doubled a cold CI build.
//! This is the only module that declares foreign functions of Tesseract.

// The FFI boundary: every `unsafe` block below carries a SAFETY comment, and nothing unsafe
// leaves this module.
#![allow(unsafe_code)]

use std::ffi::{c_char, c_float, c_int, c_void, CStr, CString};
use std::fmt;
use std::path::Path;
use std::ptr::NonNull;

#[link(name = "tesseract")]
extern "C" {
    fn TessVersion() -> *const c_char;
    fn TessBaseAPICreate() -> *mut c_void;
    fn TessBaseAPIDelete(handle: *mut c_void);
    fn TessBaseAPIEnd(handle: *mut c_void);
    fn TessBaseAPIInit1(
        handle: *mut c_void,
        datapath: *const c_char,
        language: *const c_char,
        oem: c_int,
        configs: *const *const c_char,
        configs_size: c_int,
    ) -> c_int;
    fn TessBaseAPIInit3(
        handle: *mut c_void,
        datapath: *const c_char,
        language: *const c_char,
    ) -> c_int;
    fn TessBaseAPISetVariable(
        handle: *mut c_void,
        name: *const c_char,
        value: *const c_char,
    ) -> c_int;
    fn TessBaseAPISetPageSegMode(handle: *mut c_void, mode: c_int);
    fn TessBaseAPISetImage(
        handle: *mut c_void,
        imagedata: *const u8,
        width: c_int,
        height: c_int,
        bytes_per_pixel: c_int,
        bytes_per_line: c_int,
    );
    fn TessBaseAPISetSourceResolution(handle: *mut c_void, ppi: c_int);
    fn TessBaseAPIGetTsvText(handle: *mut c_void, page: c_int) -> *mut c_char;
    fn TessBaseAPIDetectOrientationScript(
        handle: *mut c_void,
        orient_deg: *mut c_int,
        orient_conf: *mut c_float,
        script_name: *mut *const c_char,
        script_conf: *mut c_float,
    ) -> c_int;
    fn TessBaseAPIClear(handle: *mut c_void);
    fn TessDeleteText(text: *const c_char);
}

/// What went wrong in a call to Tesseract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TessError(String);

impl fmt::Display for TessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TessError {}

type TessResult<T> = std::result::Result<T, TessError>;

/// Tesseract's page segmentation modes that sohoa uses (`TessPageSegMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageSegMode {
    /// Orientation and script detection only.
    OsdOnly = 0,
    /// Fully automatic page segmentation, no OSD (Tesseract's default).
    Auto = 3,
    /// One uniform block of text.
    SingleBlock = 6,
    /// One text line.
    SingleLine = 7,
}

/// The version of the linked libtesseract.
pub fn version() -> String {
    // SAFETY: TessVersion returns a pointer to a static NUL-terminated string.
    unsafe { CStr::from_ptr(TessVersion()) }
        .to_string_lossy()
        .into_owned()
}

fn c_string(what: &str, s: &str) -> TessResult<CString> {
    CString::new(s).map_err(|_| TessError(format!("{what} {s:?} holds a NUL byte")))
}

/// One Tesseract engine (`TessBaseAPI`). It may move between threads but is used by one at
/// a time (it is not `Sync`).
pub struct TessApi {
    handle: NonNull<c_void>,
}

// SAFETY: a TessBaseAPI has no thread affinity; without `Sync`, only one thread uses it at
// a time.
unsafe impl Send for TessApi {}

impl TessApi {
    /// A new, not yet initialised engine.
    pub fn new() -> TessResult<TessApi> {
        // SAFETY: no preconditions; null is checked.
        NonNull::new(unsafe { TessBaseAPICreate() })
            .map(|handle| TessApi { handle })
            .ok_or_else(|| TessError("TessBaseAPICreate failed".into()))
    }

    fn raw(&self) -> *mut c_void {
        self.handle.as_ptr()
    }

    /// Starts the engine with `languages` (`+`-joined) from `tessdata`.
    pub fn init(&self, tessdata: &Path, languages: &str) -> TessResult<()> {
        let datapath = c_string("tessdata path", &tessdata.to_string_lossy())?;
        let language = c_string("language", languages)?;
        // SAFETY: the handle is live; both strings outlive the call.
        let status = unsafe { TessBaseAPIInit3(self.raw(), datapath.as_ptr(), language.as_ptr()) };
        if status == 0 {
            Ok(())
        } else {
            Err(TessError("Tesseract could not load the models".into()))
        }
    }

    /// Starts the engine with `languages`, engine mode `oem` and the config files `configs`.
    pub fn init_with_configs(
        &self,
        tessdata: &Path,
        languages: &str,
        oem: i32,
        configs: &[&Path],
    ) -> TessResult<()> {
        let datapath = c_string("tessdata path", &tessdata.to_string_lossy())?;
        let language = c_string("language", languages)?;
        let configs: Vec<CString> = configs
            .iter()
            .map(|c| c_string("config file", &c.to_string_lossy()))
            .collect::<TessResult<_>>()?;
        let pointers: Vec<*const c_char> = configs.iter().map(|c| c.as_ptr()).collect();
        let count = c_int::try_from(pointers.len())
            .map_err(|_| TessError("too many config files".into()))?;
        // SAFETY: the handle is live; the strings and the pointer array outlive the call.
        let status = unsafe {
            TessBaseAPIInit1(
                self.raw(),
                datapath.as_ptr(),
                language.as_ptr(),
                oem,
                pointers.as_ptr(),
                count,
            )
        };
        if status == 0 {
            Ok(())
        } else {
            Err(TessError(
                "Tesseract could not load the models or config files".into(),
            ))
        }
    }

    /// Sets a Tesseract variable.
    pub fn set_variable(&self, name: &str, value: &str) -> TessResult<()> {
        let (n, v) = (c_string("variable", name)?, c_string("value", value)?);
        // SAFETY: the handle is live; both strings outlive the call.
        if unsafe { TessBaseAPISetVariable(self.raw(), n.as_ptr(), v.as_ptr()) } == 1 {
            Ok(())
        } else {
            Err(TessError(format!("Tesseract has no variable {name}")))
        }
    }

    pub fn set_page_seg_mode(&self, mode: PageSegMode) {
        // SAFETY: the handle is live; the mode is one of Tesseract's values.
        unsafe { TessBaseAPISetPageSegMode(self.raw(), mode as c_int) }
    }

    /// Gives the engine an 8-bit gray image, `width` × `height`, rows `width` bytes apart.
    /// Tesseract copies the pixels.
    pub fn set_gray_image(&self, pixels: &[u8], width: u32, height: u32) -> TessResult<()> {
        let too_large = || TessError(format!("image of {width}×{height} pixels is too large"));
        let (w, h) = (
            c_int::try_from(width).map_err(|_| too_large())?,
            c_int::try_from(height).map_err(|_| too_large())?,
        );
        if w == 0 || h == 0 {
            return Err(TessError(format!(
                "image of {width}×{height} pixels is empty"
            )));
        }
        if (pixels.len() as u64) < u64::from(width) * u64::from(height) {
            return Err(TessError(format!(
                "{} bytes cannot hold a {width}×{height} gray image",
                pixels.len()
            )));
        }
        // SAFETY: the handle is live and `pixels` holds `h` rows of `w` bytes (checked).
        unsafe { TessBaseAPISetImage(self.raw(), pixels.as_ptr(), w, h, 1, w) };
        Ok(())
    }

    pub fn set_source_resolution(&self, ppi: i32) {
        // SAFETY: the handle is live.
        unsafe { TessBaseAPISetSourceResolution(self.raw(), ppi) }
    }

    /// Recognises the image set and returns Tesseract's TSV output (page `page`, 0-based).
    pub fn tsv_text(&self, page: i32) -> TessResult<String> {
        // SAFETY: the handle is live; a non-null result is a NUL-terminated string that
        // Tesseract allocated and that we free with TessDeleteText once copied.
        unsafe {
            let text = TessBaseAPIGetTsvText(self.raw(), page);
            if text.is_null() {
                return Err(TessError("Tesseract could not recognise the image".into()));
            }
            let copy = CStr::from_ptr(text).to_string_lossy().into_owned();
            TessDeleteText(text);
            Ok(copy)
        }
    }

    /// The orientation of the image set, in degrees anticlockwise (0, 90, 180, 270), and its
    /// confidence; an error when there is too little text to tell.
    pub fn detect_orientation(&self) -> TessResult<(i32, f32)> {
        let (mut degrees, mut confidence, mut script_confidence) = (0, 0.0, 0.0);
        let mut script: *const c_char = std::ptr::null();
        // SAFETY: the handle is live; every out-pointer is valid. The script name points to
        // Tesseract's own static data and is not freed.
        let found = unsafe {
            TessBaseAPIDetectOrientationScript(
                self.raw(),
                &raw mut degrees,
                &raw mut confidence,
                &raw mut script,
                &raw mut script_confidence,
            )
        };
        if found == 0 {
            Err(TessError("orientation could not be detected".into()))
        } else {
            Ok((degrees, confidence))
        }
    }

    /// Frees the recognition results of the last image.
    pub fn clear(&self) {
        // SAFETY: the handle is live.
        unsafe { TessBaseAPIClear(self.raw()) }
    }
}

impl Drop for TessApi {
    fn drop(&mut self) {
        // SAFETY: the handle is live and not used after this.
        unsafe {
            TessBaseAPIEnd(self.raw());
            TessBaseAPIDelete(self.raw());
        }
    }
}

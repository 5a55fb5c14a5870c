//! Turning uploaded bytes into stored media. Types are decided by the bytes themselves; photos
//! are decoded under size limits and re-encoded, which also drops EXIF data such as the GPS
//! position a phone camera writes.

use crate::domain::Invalid;
pub use crate::domain::media::PhotoSize;
use image::{ImageFormat, ImageReader, Limits};
use sha2::{Digest, Sha256};
use std::io::Cursor;

pub const MAX_UPLOAD_MB: usize = 8;
const MAX_DIMENSION: u32 = 12_000;
/// 40 megapixels: more than any phone camera, and at most ~160 MB decoded (RGBA). Checked
/// from the header before decoding: a 0.5 MB PNG can claim 144 MP (432 MB) within the side
/// limit alone.
const MAX_PIXELS: u64 = 40_000_000;

pub struct Photo {
    /// SHA-256 of the uploaded bytes.
    pub key: String,
    pub width: u32,
    pub height: u32,
    pub uploaded_bytes: usize,
    /// (store name, JPEG bytes) for every size.
    pub files: Vec<(String, Vec<u8>)>,
}

pub struct Document {
    pub key: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

impl Document {
    pub fn name(&self) -> String {
        stored_names(&self.key, false).remove(0)
    }
}

/// The names a stored file of `key` lives under: every size of a public photo, or the one
/// private document.
pub fn stored_names(key: &str, public: bool) -> Vec<String> {
    if public {
        PhotoSize::ALL.iter().map(|s| s.name(key)).collect()
    } else {
        vec![format!("private/{key}")]
    }
}

pub fn content_key(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn check_size(bytes: &[u8]) -> Result<(), Invalid> {
    if bytes.is_empty() {
        return Err(Invalid::Required);
    }
    if bytes.len() > MAX_UPLOAD_MB * 1024 * 1024 {
        return Err(Invalid::FileTooLarge {
            max_mb: MAX_UPLOAD_MB,
        });
    }
    Ok(())
}

fn photo_format(bytes: &[u8]) -> Result<ImageFormat, Invalid> {
    match image::guess_format(bytes) {
        Ok(f @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => Ok(f),
        _ => Err(Invalid::FileType),
    }
}

/// Checks and resizes a photo. CPU-heavy: call it from `spawn_blocking`.
pub fn photo(bytes: &[u8]) -> Result<Photo, Invalid> {
    check_size(bytes)?;
    let format = photo_format(bytes)?;
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|_| Invalid::FileType)?;
    if width > MAX_DIMENSION
        || height > MAX_DIMENSION
        || u64::from(width) * u64::from(height) > MAX_PIXELS
    {
        return Err(Invalid::ImageTooBig);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DIMENSION);
    limits.max_image_height = Some(MAX_DIMENSION);
    limits.max_alloc = Some(MAX_PIXELS * 4 + 32 * 1024 * 1024);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => Invalid::ImageTooBig,
        _ => Invalid::FileType,
    })?;
    let key = content_key(bytes);
    let mut files = Vec::new();
    for size in PhotoSize::ALL {
        let fitted = if image.width() > size.px() || image.height() > size.px() {
            image.thumbnail(size.px(), size.px())
        } else {
            image.clone()
        };
        let mut out = Vec::new();
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82);
        fitted
            .to_rgb8()
            .write_with_encoder(encoder)
            .map_err(|_| Invalid::FileType)?;
        files.push((size.name(&key), out));
    }
    Ok(Photo {
        key,
        width: image.width(),
        height: image.height(),
        uploaded_bytes: bytes.len(),
        files,
    })
}

/// Checks a KYC document: a PDF, or a JPEG/PNG photo of the paper. Stored as uploaded.
pub fn document(bytes: Vec<u8>) -> Result<Document, Invalid> {
    check_size(&bytes)?;
    let mime = if bytes.starts_with(b"%PDF-") {
        "application/pdf"
    } else {
        match image::guess_format(&bytes) {
            Ok(ImageFormat::Jpeg) => "image/jpeg",
            Ok(ImageFormat::Png) => "image/png",
            _ => return Err(Invalid::FileType),
        }
    };
    Ok(Document {
        key: content_key(&bytes),
        mime,
        bytes,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small PNG made in memory, for tests here and in the HTTP tests.
    pub fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .expect("encode");
        out
    }

    #[test]
    fn resizes_photos_by_content() {
        let p = photo(&png(1600, 800)).expect("photo");
        assert_eq!((p.width, p.height), (1600, 800));
        assert_eq!(p.files.len(), 2);
        let thumb = image::load_from_memory(&p.files[0].1).expect("jpeg");
        assert_eq!((thumb.width(), thumb.height()), (400, 200));
        assert!(p.files[0].0.starts_with("public/") && p.files[0].0.ends_with("-thumb.jpg"));
        // Small pictures are not blown up.
        let small = photo(&png(100, 50)).expect("photo");
        assert_eq!(
            image::load_from_memory(&small.files[1].1)
                .expect("jpeg")
                .width(),
            100
        );
    }

    /// A small PNG whose header claims `width` × `height` (with the header's checksum fixed).
    fn claims(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = png(2, 2);
        bytes[16..20].copy_from_slice(&width.to_be_bytes());
        bytes[20..24].copy_from_slice(&height.to_be_bytes());
        // CRC-32 (IEEE) over the IHDR chunk's type and data.
        let crc = !bytes[12..29].iter().fold(!0u32, |mut c, &b| {
            c ^= u32::from(b);
            for _ in 0..8 {
                c = if c & 1 == 1 {
                    (c >> 1) ^ 0xEDB8_8320
                } else {
                    c >> 1
                };
            }
            c
        });
        bytes[29..33].copy_from_slice(&crc.to_be_bytes());
        bytes
    }

    #[test]
    fn refuses_what_is_not_a_photo() {
        assert_eq!(
            photo(b"<svg onload=alert(1)>").err(),
            Some(Invalid::FileType)
        );
        assert_eq!(photo(b"%PDF-1.7 ...").err(), Some(Invalid::FileType));
        assert_eq!(photo(b"").err(), Some(Invalid::Required));
        let big = vec![0u8; MAX_UPLOAD_MB * 1024 * 1024 + 1];
        assert_eq!(
            photo(&big).err(),
            Some(Invalid::FileTooLarge {
                max_mb: MAX_UPLOAD_MB
            })
        );
        // A PNG header that claims more pixels than the limit is refused before decoding:
        // too wide, or within the side limit but 64 megapixels.
        assert_eq!(photo(&claims(50_000, 2)).err(), Some(Invalid::ImageTooBig));
        assert_eq!(
            photo(&claims(8_000, 8_000)).err(),
            Some(Invalid::ImageTooBig)
        );
        assert_eq!(
            photo(&claims(6_000, 6_000)).err(),
            Some(Invalid::FileType),
            "36 MP: decoded, and found truncated"
        );
    }

    #[test]
    fn documents() {
        assert_eq!(
            document(b"%PDF-1.7 permit".to_vec()).map(|d| d.mime).ok(),
            Some("application/pdf")
        );
        assert_eq!(document(png(4, 4)).map(|d| d.mime).ok(), Some("image/png"));
        assert_eq!(document(b"MZ\x90\x00".to_vec()).err().map(|_| ()), Some(()));
    }
}

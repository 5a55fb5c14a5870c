//! Stored media as pages address it: the photo sizes and their public URLs. Pure, so the
//! server, the data layer and the pages agree on one naming scheme.

/// The sizes pages show. Each is a JPEG fitted inside a square of `px`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoSize {
    Thumb,
    Large,
}

impl PhotoSize {
    pub const ALL: [PhotoSize; 2] = [PhotoSize::Thumb, PhotoSize::Large];

    pub fn as_str(self) -> &'static str {
        match self {
            PhotoSize::Thumb => "thumb",
            PhotoSize::Large => "large",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// The side of the square the photo is fitted into, in pixels.
    pub fn px(self) -> u32 {
        match self {
            PhotoSize::Thumb => 400,
            PhotoSize::Large => 1200,
        }
    }

    /// The store name of this size of the photo with `key`.
    pub fn name(self, key: &str) -> String {
        format!("public/{key}-{}.jpg", self.as_str())
    }
}

/// The URL of a stored photo in one of its sizes.
pub fn photo_url(key: &str, size: PhotoSize) -> String {
    format!("/media/{key}-{}.jpg", size.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_round_trip_and_name_their_files() {
        for size in PhotoSize::ALL {
            assert_eq!(PhotoSize::parse(size.as_str()), Some(size));
        }
        assert_eq!(PhotoSize::parse("huge"), None);
        assert_eq!(photo_url("abc", PhotoSize::Thumb), "/media/abc-thumb.jpg");
        assert_eq!(PhotoSize::Large.name("abc"), "public/abc-large.jpg");
    }
}

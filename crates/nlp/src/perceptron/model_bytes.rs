//! The little-endian byte codec shared by all model files: [`ByteWriter`] appends values,
//! [`ByteReader`] reads them back with typed errors for truncated or foreign bytes.

use super::{overflow, ModelError};

/// Appends little-endian values; the writer half of every kg model format.
#[derive(Default)]
pub struct ByteWriter {
    buf: Vec<u8>,
}

impl ByteWriter {
    pub fn new() -> ByteWriter {
        ByteWriter::default()
    }
    pub fn with_capacity(n: usize) -> ByteWriter {
        ByteWriter {
            buf: Vec::with_capacity(n),
        }
    }
    pub fn bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
    }
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// A length-prefixed (u32) UTF-8 string.
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.bytes(s.as_bytes());
    }
    /// A length-prefixed (u32) list of strings.
    pub fn strs<S: AsRef<str>>(&mut self, list: &[S]) {
        self.u32(list.len() as u32);
        for s in list {
            self.str(s.as_ref());
        }
    }
    /// A length-prefixed (u64) blob, for nesting one model inside another.
    pub fn blob(&mut self, b: &[u8]) {
        self.u64(b.len() as u64);
        self.bytes(b);
    }
    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }
}

/// Reads little-endian values with bounds checks; every read failure is a [`ModelError`].
pub struct ByteReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> ByteReader<'a> {
    pub fn new(bytes: &'a [u8]) -> ByteReader<'a> {
        ByteReader { bytes, pos: 0 }
    }
    pub fn position(&self) -> usize {
        self.pos
    }
    pub fn is_at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let left = self.bytes.len() - self.pos;
        if n > left {
            return Err(ModelError::Truncated {
                offset: self.pos,
                needed: n - left,
            });
        }
        let s = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    pub fn u16(&mut self) -> Result<u16, ModelError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        let b = self.take(4)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub fn str(&mut self) -> Result<&'a str, ModelError> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| ModelError::Corrupt("invalid UTF-8".into()))
    }
    pub fn strs(&mut self) -> Result<Vec<String>, ModelError> {
        let n = self.u32()? as usize;
        // Each string needs at least its 4-byte length; refuse absurd counts before allocating.
        if n > (self.bytes.len() - self.pos) / 4 {
            return Err(ModelError::Corrupt(format!(
                "string count {n} exceeds model size"
            )));
        }
        (0..n).map(|_| self.str().map(str::to_owned)).collect()
    }
    pub fn blob(&mut self) -> Result<&'a [u8], ModelError> {
        let n = self.u64()?;
        let n = usize::try_from(n).map_err(|_| overflow())?;
        self.take(n)
    }
    /// Checks a 4-byte magic number.
    pub fn magic(&mut self, magic: &[u8; 4], kind: &'static str) -> Result<(), ModelError> {
        if self
            .take(4)
            .map_err(|_| ModelError::BadMagic { expected: kind })?
            != magic
        {
            return Err(ModelError::BadMagic { expected: kind });
        }
        Ok(())
    }
    /// Checks a u32 format version.
    pub fn version(&mut self, kind: &'static str, supported: u32) -> Result<(), ModelError> {
        let found = self.u32()?;
        if found != supported {
            return Err(ModelError::UnsupportedVersion {
                kind,
                found,
                supported,
            });
        }
        Ok(())
    }
}

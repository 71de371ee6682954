//! Secrets: passwords hashed with Argon2id, random tokens, and the digests tokens are
//! stored under.
//!
//! In: a password or a token as typed. Out: a PHC string (`$argon2id$…`) to store, a
//! verdict on a password against one, fresh random tokens and one-time passwords, and the
//! SHA-256 a high-entropy token is looked up by (never the token itself).

use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longest password accepted (hashing cost is bounded).
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// The Argon2id PHC string of `password` with a fresh salt.
pub fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::PasswordHash(e.to_string()))
}

/// Whether `password` matches the stored PHC string `hash`.
pub fn password_matches(password: &str, hash: &str) -> bool {
    if password.len() > MAX_PASSWORD_BYTES {
        return false;
    }
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A hash no password matches, verified against when an account does not exist so that a
/// failed sign-in takes as long either way.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password(&random_token()).unwrap_or_default())
}

/// Checks a new password: long enough, not too long, not only spaces.
pub fn check_new_password(password: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(Error::invalid(
            "password",
            format!("mật khẩu phải có ít nhất {MIN_PASSWORD_CHARS} ký tự"),
        ));
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(Error::invalid(
            "password",
            format!("mật khẩu dài quá {MAX_PASSWORD_BYTES} byte"),
        ));
    }
    if password.trim().is_empty() {
        return Err(Error::invalid(
            "password",
            "mật khẩu không được chỉ có dấu cách",
        ));
    }
    Ok(())
}

/// 256 random bits as 64 hex digits: session ids, API tokens, CSRF tokens.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// A one-time password: 16 characters from an alphabet without look-alikes (≈ 80 bits).
pub fn one_time_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut out = String::with_capacity(16);
    while out.len() < 16 {
        let mut byte = [0u8; 1];
        OsRng.fill_bytes(&mut byte);
        // Rejection sampling keeps every character equally likely.
        let limit = 256 - 256 % ALPHABET.len();
        if usize::from(byte[0]) < limit {
            out.push(char::from(ALPHABET[usize::from(byte[0]) % ALPHABET.len()]));
        }
    }
    out
}

/// The SHA-256 (hex) a token is stored and looked up under.
pub fn token_digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let hash = hash_password("mật khẩu dài đủ").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(password_matches("mật khẩu dài đủ", &hash));
        assert!(!password_matches("mật khẩu dài sai", &hash));
        assert!(!password_matches("mật khẩu dài đủ", "not a hash"));
        assert!(!password_matches("x", decoy_hash()));
        assert_ne!(hash, hash_password("mật khẩu dài đủ").unwrap(), "salted");
    }

    #[test]
    fn new_passwords_are_checked() {
        assert!(check_new_password("ngắn").is_err());
        assert!(check_new_password("           ").is_err());
        assert!(check_new_password(&"a".repeat(2000)).is_err());
        check_new_password("một mật khẩu tốt").unwrap();
    }

    #[test]
    fn tokens_are_random_and_stored_by_digest() {
        let (a, b) = (random_token(), random_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(token_digest(&a), token_digest(&a));
        assert_ne!(token_digest(&a), a);
        let p = one_time_password();
        assert_eq!(p.chars().count(), 16);
        assert!(p
            .chars()
            .all(|c| c.is_ascii_alphanumeric() && !"01lIoO".contains(c)));
    }
}

// The demo's tokens (HS256 JWT, payload {"id": "<user>"}) and the broken ones the scenarios need.
import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';

const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWT signed by hand: any header, any payload (even not an object), HMAC with the given hash. */
function handmade(header, payload, secret, hash = 'sha256') {
  const input = `${b64(header)}.${b64(payload)}`;
  if (hash === null) return `${input}.`;
  return `${input}.${crypto.createHmac(hash, secret).update(input).digest('base64url')}`;
}

export function makeTokens(secret) {
  const now = () => Math.floor(Date.now() / 1000);
  const hs = (payload, algorithm = 'HS256', key = secret) => jwt.sign(payload, key, { algorithm, noTimestamp: true });
  return {
    valid: (id) => hs({ id }),
    forged: (id) => hs({ id }, 'HS256', `${secret}-but-wrong`),
    expired: (id) => hs({ id, exp: now() - 60 }),
    expiresLater: (id) => hs({ id, exp: now() + 3600 }),
    notYetValid: (id) => hs({ id, nbf: now() + 3600 }),
    issuedInFuture: (id) => hs({ id, iat: now() + 3600 }),
    expNotNumber: (id) => handmade({ alg: 'HS256', typ: 'JWT' }, { id, exp: 'tomorrow' }, secret),
    algNone: (id) => handmade({ alg: 'none', typ: 'JWT' }, { id }, secret, null),
    algNoneSigned: (id) => handmade({ alg: 'none', typ: 'JWT' }, { id }, secret),
    hs384: (id) => hs({ id }, 'HS384'),
    hs512: (id) => hs({ id }, 'HS512'),
    noId: () => hs({ user: 'alice' }),
    numericId: () => hs({ id: 42 }),
    emptyId: () => hs({ id: '' }),
    arrayId: () => hs({ id: ['alice'] }),
    nullId: () => hs({ id: null }),
    payloadString: (id) => handmade({ alg: 'HS256', typ: 'JWT' }, JSON.stringify(id), secret),
    payloadNotJson: () => handmade({ alg: 'HS256', typ: 'JWT' }, 'not json', secret),
    typOther: (id) => handmade({ alg: 'HS256', typ: 'XYZ' }, { id }, secret),
    critHeader: (id) => handmade({ alg: 'HS256', typ: 'JWT', crit: ['exp'] }, { id }, secret),
    garbage: () => 'not-a-jwt',
    twoParts: (id) => hs({ id }).split('.').slice(0, 2).join('.'),
    padded: (id) => {
      // The same token with base64 '=' padding on its parts (base64url without padding is the norm).
      const [h, p, s] = hs({ id }).split('.');
      const pad = (part) => part + '='.repeat((4 - (part.length % 4)) % 4);
      return `${pad(h)}.${pad(p)}.${pad(s)}`;
    },
  };
}

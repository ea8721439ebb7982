// A JWT as tokens look on the wire (`header.payload.signature`, base64url JSON), unsigned: clients read the
// payload without verifying it, so tests only need its shape.
export function unsignedJwt(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "HS256", typ: "JWT" })}.${encode(payload)}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;
}

/** Decoding a request payload with a generated protobufjs type: failure is BAD_REQUEST. */
import { ErrorCode, TetherError } from "@tether/protocol";

/** What decoding needs: the static `decode` of a generated protobufjs class. */
export interface Decoder<T> {
  decode(bytes: Uint8Array): T;
}

export function decodePayload<T>(type: Decoder<T>, payload: Uint8Array, what: string): T {
  try {
    return type.decode(payload);
  } catch (e) {
    throw new TetherError(ErrorCode.BAD_REQUEST, `${what} does not decode`, { cause: e });
  }
}

/**
 * Routes typed by protobufjs message classes (or anything with the same encode/decode shape).
 * A payload that does not decode answers BAD_REQUEST; a handler's result is encoded with the
 * response type (nothing = an empty RESP).
 */
import { ErrorCode, TetherError } from "@tether/protocol";
import type { RequestContext, RequestHandler } from "@tether/system";

/** What a request type needs: the static `decode` of a generated protobufjs class. */
export interface Decoder<T> {
  decode(bytes: Uint8Array): T;
}

/** What a response type needs: the static `encode` of a generated protobufjs class. */
export interface Encoder<T> {
  encode(message: T): { finish(): Uint8Array };
}

/** A generated protobufjs message class (both directions). */
export type MessageType<T> = Decoder<T> & Encoder<T>;

export function decodeRequest<T>(type: Decoder<T>, payload: Uint8Array, msgId: number): T {
  try {
    return type.decode(payload);
  } catch (e) {
    throw new TetherError(ErrorCode.BAD_REQUEST, `payload of msgId ${msgId} does not decode`, { cause: e });
  }
}

export function typedHandler<Req, Resp, Ctx extends RequestContext>(
  reqType: Decoder<Req>,
  respType: Encoder<Resp> | undefined,
  handler: (req: Req, ctx: Ctx) => Resp | undefined | Promise<Resp | undefined>,
  withContext: (ctx: RequestContext) => Ctx,
): RequestHandler {
  return async (payload, ctx) => {
    const req = decodeRequest(reqType, payload, ctx.msgId);
    const resp = await handler(req, withContext(ctx));
    if (resp === undefined || respType === undefined) return undefined;
    return respType.encode(resp).finish();
  };
}

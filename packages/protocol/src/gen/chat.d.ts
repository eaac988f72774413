// @generated from proto/examples/chat.proto by packages/protocol/scripts/generate.mjs. Do not edit.
import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace tether {

    namespace chat {

        enum Kind {
            KIND_TEXT = 0,
            KIND_EMOJI = 1,
            KIND_IMAGE = 2,
            KIND_LINK = 3
        }

        interface IEmpty extends tether.chat.Empty.$Properties {
        }

        class Empty {
            constructor(properties?: tether.chat.Empty.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: tether.chat.Empty.$Shape): tether.chat.Empty & tether.chat.Empty.$Shape;
            static create(properties?: tether.chat.Empty.$Properties): tether.chat.Empty;
            static encode(message: tether.chat.Empty.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.chat.Empty & tether.chat.Empty.$Shape;
        }

        namespace Empty {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.chat.Empty.$Properties;
        }

        interface IJoinReq extends tether.chat.JoinReq.$Properties {
        }

        class JoinReq {
            constructor(properties?: tether.chat.JoinReq.$Properties);
            $unknowns?: Uint8Array[];
            room: string;
            static create(properties: tether.chat.JoinReq.$Shape): tether.chat.JoinReq & tether.chat.JoinReq.$Shape;
            static create(properties?: tether.chat.JoinReq.$Properties): tether.chat.JoinReq;
            static encode(message: tether.chat.JoinReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.chat.JoinReq & tether.chat.JoinReq.$Shape;
        }

        namespace JoinReq {
            interface $Properties {
                room?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.chat.JoinReq.$Properties;
        }

        interface IJoinResp extends tether.chat.JoinResp.$Properties {
        }

        class JoinResp {
            constructor(properties?: tether.chat.JoinResp.$Properties);
            $unknowns?: Uint8Array[];
            room: string;
            online: string[];
            static create(properties: tether.chat.JoinResp.$Shape): tether.chat.JoinResp & tether.chat.JoinResp.$Shape;
            static create(properties?: tether.chat.JoinResp.$Properties): tether.chat.JoinResp;
            static encode(message: tether.chat.JoinResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.chat.JoinResp & tether.chat.JoinResp.$Shape;
        }

        namespace JoinResp {
            interface $Properties {
                room?: (string|null);
                online?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.chat.JoinResp.$Properties;
        }

        interface ISendReq extends tether.chat.SendReq.$Properties {
        }

        class SendReq {
            constructor(properties?: tether.chat.SendReq.$Properties);
            $unknowns?: Uint8Array[];
            room: string;
            kind: tether.chat.Kind;
            body: string;
            static create(properties: tether.chat.SendReq.$Shape): tether.chat.SendReq & tether.chat.SendReq.$Shape;
            static create(properties?: tether.chat.SendReq.$Properties): tether.chat.SendReq;
            static encode(message: tether.chat.SendReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.chat.SendReq & tether.chat.SendReq.$Shape;
        }

        namespace SendReq {
            interface $Properties {
                room?: (string|null);
                kind?: (tether.chat.Kind|null);
                body?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.chat.SendReq.$Properties;
        }

        interface ITypingReq extends tether.chat.TypingReq.$Properties {
        }

        class TypingReq {
            constructor(properties?: tether.chat.TypingReq.$Properties);
            $unknowns?: Uint8Array[];
            room: string;
            static create(properties: tether.chat.TypingReq.$Shape): tether.chat.TypingReq & tether.chat.TypingReq.$Shape;
            static create(properties?: tether.chat.TypingReq.$Properties): tether.chat.TypingReq;
            static encode(message: tether.chat.TypingReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.chat.TypingReq & tether.chat.TypingReq.$Shape;
        }

        namespace TypingReq {
            interface $Properties {
                room?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.chat.TypingReq.$Properties;
        }

        interface IOnlineReq extends tether.chat.OnlineReq.$Properties {
        }

        class OnlineReq {
            constructor(properties?: tether.chat.OnlineReq.$Properties);
            $unknowns?: Uint8Array[];
            room: string;
            static create(properties: tether.chat.OnlineReq.$Shape): tether.chat.OnlineReq & tether.chat.OnlineReq.$Shape;
            static create(properties?: tether.chat.OnlineReq.$Properties): tether.chat.OnlineReq;
            static encode(message: tether.chat.OnlineReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.chat.OnlineReq & tether.chat.OnlineReq.$Shape;
        }

        namespace OnlineReq {
            interface $Properties {
                room?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.chat.OnlineReq.$Properties;
        }

        interface IOnlineResp extends tether.chat.OnlineResp.$Properties {
        }

        class OnlineResp {
            constructor(properties?: tether.chat.OnlineResp.$Properties);
            $unknowns?: Uint8Array[];
            names: string[];
            static create(properties: tether.chat.OnlineResp.$Shape): tether.chat.OnlineResp & tether.chat.OnlineResp.$Shape;
            static create(properties?: tether.chat.OnlineResp.$Properties): tether.chat.OnlineResp;
            static encode(message: tether.chat.OnlineResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.chat.OnlineResp & tether.chat.OnlineResp.$Shape;
        }

        namespace OnlineResp {
            interface $Properties {
                names?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.chat.OnlineResp.$Properties;
        }

        interface IHereReq extends tether.chat.HereReq.$Properties {
        }

        class HereReq {
            constructor(properties?: tether.chat.HereReq.$Properties);
            $unknowns?: Uint8Array[];
            room: string;
            static create(properties: tether.chat.HereReq.$Shape): tether.chat.HereReq & tether.chat.HereReq.$Shape;
            static create(properties?: tether.chat.HereReq.$Properties): tether.chat.HereReq;
            static encode(message: tether.chat.HereReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.chat.HereReq & tether.chat.HereReq.$Shape;
        }

        namespace HereReq {
            interface $Properties {
                room?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.chat.HereReq.$Properties;
        }

        interface IHereResp extends tether.chat.HereResp.$Properties {
        }

        class HereResp {
            constructor(properties?: tether.chat.HereResp.$Properties);
            $unknowns?: Uint8Array[];
            nodeId: string;
            canKill: boolean;
            rejoined: boolean;
            history: tether.chat.ChatMsg.$Properties[];
            static create(properties: tether.chat.HereResp.$Shape): tether.chat.HereResp & tether.chat.HereResp.$Shape;
            static create(properties?: tether.chat.HereResp.$Properties): tether.chat.HereResp;
            static encode(message: tether.chat.HereResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.chat.HereResp & tether.chat.HereResp.$Shape;
        }

        namespace HereResp {
            interface $Properties {
                nodeId?: (string|null);
                canKill?: (boolean|null);
                rejoined?: (boolean|null);
                history?: (tether.chat.ChatMsg.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.chat.HereResp.$Properties;
        }

        interface IChatMsg extends tether.chat.ChatMsg.$Properties {
        }

        class ChatMsg {
            constructor(properties?: tether.chat.ChatMsg.$Properties);
            $unknowns?: Uint8Array[];
            id: number;
            room: string;
            from: string;
            kind: tether.chat.Kind;
            body: string;
            ts: number;
            static create(properties: tether.chat.ChatMsg.$Shape): tether.chat.ChatMsg & tether.chat.ChatMsg.$Shape;
            static create(properties?: tether.chat.ChatMsg.$Properties): tether.chat.ChatMsg;
            static encode(message: tether.chat.ChatMsg.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.chat.ChatMsg & tether.chat.ChatMsg.$Shape;
        }

        namespace ChatMsg {
            interface $Properties {
                id?: (number|null);
                room?: (string|null);
                from?: (string|null);
                kind?: (tether.chat.Kind|null);
                body?: (string|null);
                ts?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.chat.ChatMsg.$Properties;
        }

        interface INotice extends tether.chat.Notice.$Properties {
        }

        class Notice {
            constructor(properties?: tether.chat.Notice.$Properties);
            $unknowns?: Uint8Array[];
            room: string;
            text: string;
            static create(properties: tether.chat.Notice.$Shape): tether.chat.Notice & tether.chat.Notice.$Shape;
            static create(properties?: tether.chat.Notice.$Properties): tether.chat.Notice;
            static encode(message: tether.chat.Notice.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.chat.Notice & tether.chat.Notice.$Shape;
        }

        namespace Notice {
            interface $Properties {
                room?: (string|null);
                text?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.chat.Notice.$Properties;
        }

        interface ITyping extends tether.chat.Typing.$Properties {
        }

        class Typing {
            constructor(properties?: tether.chat.Typing.$Properties);
            $unknowns?: Uint8Array[];
            room: string;
            name: string;
            static create(properties: tether.chat.Typing.$Shape): tether.chat.Typing & tether.chat.Typing.$Shape;
            static create(properties?: tether.chat.Typing.$Properties): tether.chat.Typing;
            static encode(message: tether.chat.Typing.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.chat.Typing & tether.chat.Typing.$Shape;
        }

        namespace Typing {
            interface $Properties {
                room?: (string|null);
                name?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.chat.Typing.$Properties;
        }

        interface IChatSnapshot extends tether.chat.ChatSnapshot.$Properties {
        }

        class ChatSnapshot {
            constructor(properties?: tether.chat.ChatSnapshot.$Properties);
            $unknowns?: Uint8Array[];
            room: string;
            history: tether.chat.ChatMsg.$Properties[];
            online: string[];
            static create(properties: tether.chat.ChatSnapshot.$Shape): tether.chat.ChatSnapshot & tether.chat.ChatSnapshot.$Shape;
            static create(properties?: tether.chat.ChatSnapshot.$Properties): tether.chat.ChatSnapshot;
            static encode(message: tether.chat.ChatSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.chat.ChatSnapshot & tether.chat.ChatSnapshot.$Shape;
        }

        namespace ChatSnapshot {
            interface $Properties {
                room?: (string|null);
                history?: (tether.chat.ChatMsg.$Properties[]|null);
                online?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.chat.ChatSnapshot.$Properties;
        }
    }
}

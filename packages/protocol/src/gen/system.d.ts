// @generated from proto/tether/system.proto by packages/protocol/scripts/generate.mjs. Do not edit.
import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace tether {

    namespace system {

        enum CompressionAlgorithm {
            COMPRESSION_NONE = 0,
            COMPRESSION_ZSTD = 1,
            COMPRESSION_LZ4 = 2,
            COMPRESSION_GZIP = 3
        }

        enum CipherAlgorithm {
            CIPHER_NONE = 0,
            CIPHER_TLS = 1,
            CIPHER_CHACHA20_POLY1305 = 2,
            CIPHER_AES_256_GCM = 3
        }

        interface IClientHelloReq extends tether.system.ClientHelloReq.$Properties {
        }

        class ClientHelloReq {
            constructor(properties?: tether.system.ClientHelloReq.$Properties);
            $unknowns?: Uint8Array[];
            protocolVersion: number;
            clientVersion: string;
            maxFrameBytes: number;
            supportedCompressions: tether.system.CompressionAlgorithm[];
            supportedCiphers: tether.system.CipherAlgorithm[];
            requireEncrypt: boolean;
            requireAckPush: boolean;
            clientKeyShare: Uint8Array;
            clientNonce: Uint8Array;
            ext: { [k: string]: string };
            static create(properties: tether.system.ClientHelloReq.$Shape): tether.system.ClientHelloReq & tether.system.ClientHelloReq.$Shape;
            static create(properties?: tether.system.ClientHelloReq.$Properties): tether.system.ClientHelloReq;
            static encode(message: tether.system.ClientHelloReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.system.ClientHelloReq & tether.system.ClientHelloReq.$Shape;
        }

        namespace ClientHelloReq {
            interface $Properties {
                protocolVersion?: (number|null);
                clientVersion?: (string|null);
                maxFrameBytes?: (number|null);
                supportedCompressions?: (tether.system.CompressionAlgorithm[]|null);
                supportedCiphers?: (tether.system.CipherAlgorithm[]|null);
                requireEncrypt?: (boolean|null);
                requireAckPush?: (boolean|null);
                clientKeyShare?: (Uint8Array|null);
                clientNonce?: (Uint8Array|null);
                ext?: ({ [k: string]: string }|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.system.ClientHelloReq.$Properties;
        }

        interface IClientHelloResp extends tether.system.ClientHelloResp.$Properties {
        }

        class ClientHelloResp {
            constructor(properties?: tether.system.ClientHelloResp.$Properties);
            $unknowns?: Uint8Array[];
            protocolVersion: number;
            selectedCompression: tether.system.CompressionAlgorithm;
            selectedCipher: tether.system.CipherAlgorithm;
            maxFrameBytes: number;
            maxInFlightReq: number;
            maxBufferedPushCount: number;
            maxBufferedPushAgeMillis: number;
            serverKeyShare: Uint8Array;
            serverNonce: Uint8Array;
            serverEpoch: string;
            serverSignature: Uint8Array;
            heartbeatIntervalMillis: number;
            compressionMinBytes: number;
            static create(properties: tether.system.ClientHelloResp.$Shape): tether.system.ClientHelloResp & tether.system.ClientHelloResp.$Shape;
            static create(properties?: tether.system.ClientHelloResp.$Properties): tether.system.ClientHelloResp;
            static encode(message: tether.system.ClientHelloResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.system.ClientHelloResp & tether.system.ClientHelloResp.$Shape;
        }

        namespace ClientHelloResp {
            interface $Properties {
                protocolVersion?: (number|null);
                selectedCompression?: (tether.system.CompressionAlgorithm|null);
                selectedCipher?: (tether.system.CipherAlgorithm|null);
                maxFrameBytes?: (number|null);
                maxInFlightReq?: (number|null);
                maxBufferedPushCount?: (number|null);
                maxBufferedPushAgeMillis?: (number|null);
                serverKeyShare?: (Uint8Array|null);
                serverNonce?: (Uint8Array|null);
                serverEpoch?: (string|null);
                serverSignature?: (Uint8Array|null);
                heartbeatIntervalMillis?: (number|null);
                compressionMinBytes?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.system.ClientHelloResp.$Properties;
        }

        interface ILoginReq extends tether.system.LoginReq.$Properties {
        }

        class LoginReq {
            constructor(properties?: tether.system.LoginReq.$Properties);
            $unknowns?: Uint8Array[];
            token: string;
            kickExistingSession?: (boolean|null);
            static create(properties: tether.system.LoginReq.$Shape): tether.system.LoginReq & tether.system.LoginReq.$Shape;
            static create(properties?: tether.system.LoginReq.$Properties): tether.system.LoginReq;
            static encode(message: tether.system.LoginReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.system.LoginReq & tether.system.LoginReq.$Shape;
        }

        namespace LoginReq {
            interface $Properties {
                token?: (string|null);
                kickExistingSession?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.system.LoginReq.$Properties;
        }

        interface ILoginResp extends tether.system.LoginResp.$Properties {
        }

        class LoginResp {
            constructor(properties?: tether.system.LoginResp.$Properties);
            $unknowns?: Uint8Array[];
            playerId: number;
            sessionEpoch: number;
            needSync: boolean;
            serverTimeMillis: number;
            sessionId: string;
            lastIssuedPushId: number;
            static create(properties: tether.system.LoginResp.$Shape): tether.system.LoginResp & tether.system.LoginResp.$Shape;
            static create(properties?: tether.system.LoginResp.$Properties): tether.system.LoginResp;
            static encode(message: tether.system.LoginResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.system.LoginResp & tether.system.LoginResp.$Shape;
        }

        namespace LoginResp {
            interface $Properties {
                playerId?: (number|null);
                sessionEpoch?: (number|null);
                needSync?: (boolean|null);
                serverTimeMillis?: (number|null);
                sessionId?: (string|null);
                lastIssuedPushId?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.system.LoginResp.$Properties;
        }

        interface IResumeReq extends tether.system.ResumeReq.$Properties {
        }

        class ResumeReq {
            constructor(properties?: tether.system.ResumeReq.$Properties);
            $unknowns?: Uint8Array[];
            token: string;
            lastAppliedPushId: number;
            clientStateRevision: number;
            serverEpoch: string;
            clientInstance: Uint8Array;
            static create(properties: tether.system.ResumeReq.$Shape): tether.system.ResumeReq & tether.system.ResumeReq.$Shape;
            static create(properties?: tether.system.ResumeReq.$Properties): tether.system.ResumeReq;
            static encode(message: tether.system.ResumeReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.system.ResumeReq & tether.system.ResumeReq.$Shape;
        }

        namespace ResumeReq {
            interface $Properties {
                token?: (string|null);
                lastAppliedPushId?: (number|null);
                clientStateRevision?: (number|null);
                serverEpoch?: (string|null);
                clientInstance?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.system.ResumeReq.$Properties;
        }

        interface IResumeResp extends tether.system.ResumeResp.$Properties {
        }

        class ResumeResp {
            constructor(properties?: tether.system.ResumeResp.$Properties);
            $unknowns?: Uint8Array[];
            result: tether.system.ResumeResp.Result;
            serverStateRevision: number;
            minBufferedPushId: number;
            maxBufferedPushId: number;
            playerId: number;
            sessionEpoch: number;
            serverEpoch: string;
            serverTimeMillis: number;
            sessionId: string;
            replayCount: number;
            static create(properties: tether.system.ResumeResp.$Shape): tether.system.ResumeResp & tether.system.ResumeResp.$Shape;
            static create(properties?: tether.system.ResumeResp.$Properties): tether.system.ResumeResp;
            static encode(message: tether.system.ResumeResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.system.ResumeResp & tether.system.ResumeResp.$Shape;
        }

        namespace ResumeResp {
            interface $Properties {
                result?: (tether.system.ResumeResp.Result|null);
                serverStateRevision?: (number|null);
                minBufferedPushId?: (number|null);
                maxBufferedPushId?: (number|null);
                playerId?: (number|null);
                sessionEpoch?: (number|null);
                serverEpoch?: (string|null);
                serverTimeMillis?: (number|null);
                sessionId?: (string|null);
                replayCount?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.system.ResumeResp.$Properties;

            enum Result {
                RESUME_OK = 0,
                RESUME_NEED_FULL_SYNC = 1,
                RESUME_INVALID = 2
            }
        }

        interface ISyncReq extends tether.system.SyncReq.$Properties {
        }

        class SyncReq {
            constructor(properties?: tether.system.SyncReq.$Properties);
            $unknowns?: Uint8Array[];
            clientStateRevision: number;
            static create(properties: tether.system.SyncReq.$Shape): tether.system.SyncReq & tether.system.SyncReq.$Shape;
            static create(properties?: tether.system.SyncReq.$Properties): tether.system.SyncReq;
            static encode(message: tether.system.SyncReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.system.SyncReq & tether.system.SyncReq.$Shape;
        }

        namespace SyncReq {
            interface $Properties {
                clientStateRevision?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.system.SyncReq.$Properties;
        }

        interface ISyncResp extends tether.system.SyncResp.$Properties {
        }

        class SyncResp {
            constructor(properties?: tether.system.SyncResp.$Properties);
            $unknowns?: Uint8Array[];
            snapshotPushId: number;
            static create(properties: tether.system.SyncResp.$Shape): tether.system.SyncResp & tether.system.SyncResp.$Shape;
            static create(properties?: tether.system.SyncResp.$Properties): tether.system.SyncResp;
            static encode(message: tether.system.SyncResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.system.SyncResp & tether.system.SyncResp.$Shape;
        }

        namespace SyncResp {
            interface $Properties {
                snapshotPushId?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.system.SyncResp.$Properties;
        }

        interface ISyncSnapshotPush extends tether.system.SyncSnapshotPush.$Properties {
        }

        class SyncSnapshotPush {
            constructor(properties?: tether.system.SyncSnapshotPush.$Properties);
            $unknowns?: Uint8Array[];
            serverStateRevision: number;
            snapshot: Uint8Array;
            static create(properties: tether.system.SyncSnapshotPush.$Shape): tether.system.SyncSnapshotPush & tether.system.SyncSnapshotPush.$Shape;
            static create(properties?: tether.system.SyncSnapshotPush.$Properties): tether.system.SyncSnapshotPush;
            static encode(message: tether.system.SyncSnapshotPush.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.system.SyncSnapshotPush & tether.system.SyncSnapshotPush.$Shape;
        }

        namespace SyncSnapshotPush {
            interface $Properties {
                serverStateRevision?: (number|null);
                snapshot?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.system.SyncSnapshotPush.$Properties;
        }

        interface IDisconnectPush extends tether.system.DisconnectPush.$Properties {
        }

        class DisconnectPush {
            constructor(properties?: tether.system.DisconnectPush.$Properties);
            $unknowns?: Uint8Array[];
            code: number;
            reason: string;
            reconnect: boolean;
            static create(properties: tether.system.DisconnectPush.$Shape): tether.system.DisconnectPush & tether.system.DisconnectPush.$Shape;
            static create(properties?: tether.system.DisconnectPush.$Properties): tether.system.DisconnectPush;
            static encode(message: tether.system.DisconnectPush.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.system.DisconnectPush & tether.system.DisconnectPush.$Shape;
        }

        namespace DisconnectPush {
            interface $Properties {
                code?: (number|null);
                reason?: (string|null);
                reconnect?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.system.DisconnectPush.$Properties;
        }

        interface ILogoutReq extends tether.system.LogoutReq.$Properties {
        }

        class LogoutReq {
            constructor(properties?: tether.system.LogoutReq.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: tether.system.LogoutReq.$Shape): tether.system.LogoutReq & tether.system.LogoutReq.$Shape;
            static create(properties?: tether.system.LogoutReq.$Properties): tether.system.LogoutReq;
            static encode(message: tether.system.LogoutReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.system.LogoutReq & tether.system.LogoutReq.$Shape;
        }

        namespace LogoutReq {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.system.LogoutReq.$Properties;
        }

        interface ILogoutResp extends tether.system.LogoutResp.$Properties {
        }

        class LogoutResp {
            constructor(properties?: tether.system.LogoutResp.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: tether.system.LogoutResp.$Shape): tether.system.LogoutResp & tether.system.LogoutResp.$Shape;
            static create(properties?: tether.system.LogoutResp.$Properties): tether.system.LogoutResp;
            static encode(message: tether.system.LogoutResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.system.LogoutResp & tether.system.LogoutResp.$Shape;
        }

        namespace LogoutResp {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.system.LogoutResp.$Properties;
        }

        interface IError extends tether.system.Error.$Properties {
        }

        class Error {
            constructor(properties?: tether.system.Error.$Properties);
            $unknowns?: Uint8Array[];
            code: number;
            message: string;
            retryable: boolean;
            detail: { [k: string]: string };
            static create(properties: tether.system.Error.$Shape): tether.system.Error & tether.system.Error.$Shape;
            static create(properties?: tether.system.Error.$Properties): tether.system.Error;
            static encode(message: tether.system.Error.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.system.Error & tether.system.Error.$Shape;
        }

        namespace Error {
            interface $Properties {
                code?: (number|null);
                message?: (string|null);
                retryable?: (boolean|null);
                detail?: ({ [k: string]: string }|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.system.Error.$Properties;
        }
    }
}

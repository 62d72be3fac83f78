import Foundation
import OpenIMISecurity
import Testing

/// The tree against the test vectors of the Certificate Transparency reference implementation
/// (RFC 6962), then every proof of every small tree, and tampering.
@Suite struct MerkleTreeTests {
    static let inputs = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]
    let leaves = inputs.map { MerkleTree.leafHash(bytes($0)) }

    @Test func rootsMatchTheReferenceVectors() {
        let roots = [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
        ]
        for (size, expected) in roots.enumerated() {
            #expect(hex(MerkleTree.root(Array(leaves.prefix(size + 1)))) == expected, "size \(size + 1)")
        }
        #expect(hex(MerkleTree.root([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func proofsMatchTheReferenceVectors() {
        let inclusion: [(Int, Int, [String])] = [
            (
                0, 8,
                [
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
                ]
            ),
            (
                5, 8,
                [
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                ]
            ),
            (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
            (
                1, 5,
                [
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                ]
            ),
        ]
        for (index, size, expected) in inclusion {
            #expect(MerkleTree.inclusionProof(index: index, Array(leaves.prefix(size))).map(hex) == expected, "leaf \(index) of \(size)")
        }
        let consistency: [(Int, Int, [String])] = [
            (
                1, 8,
                [
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
                ]
            ),
            (
                6, 8,
                [
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                ]
            ),
            (
                2, 5,
                [
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                ]
            ),
            (1, 1, []),
        ]
        for (old, size, expected) in consistency {
            #expect(MerkleTree.consistencyProof(from: old, Array(leaves.prefix(size))).map(hex) == expected, "\(old) to \(size)")
        }
    }

    @Test func everyProofOfEverySmallTreeVerifiesAndTamperingFails() {
        let many = (0..<40).map { MerkleTree.leafHash(Array("entry \($0)".utf8)) }
        for size in 1...many.count {
            let tree = Array(many.prefix(size))
            let root = MerkleTree.root(tree)
            for index in 0..<size {
                let proof = MerkleTree.inclusionProof(index: index, tree)
                #expect(MerkleTree.verifyInclusion(leaf: tree[index], index: index, treeSize: size, proof: proof, root: root))
                #expect(!MerkleTree.verifyInclusion(leaf: many[(index + 1) % 40], index: index, treeSize: size, proof: proof, root: root))
                if size > 1 {
                    let smaller = MerkleTree.root(Array(tree.dropLast()))
                    #expect(!MerkleTree.verifyInclusion(leaf: tree[index], index: index, treeSize: size, proof: proof, root: smaller))
                    #expect(!MerkleTree.verifyInclusion(leaf: tree[index], index: index ^ 1, treeSize: size, proof: proof, root: root))
                }
                if var forged = proof.first {
                    forged[0] ^= 1
                    #expect(
                        !MerkleTree.verifyInclusion(
                            leaf: tree[index], index: index, treeSize: size, proof: [forged] + proof.dropFirst(), root: root))
                }
            }
            for old in 1...size {
                let proof = MerkleTree.consistencyProof(from: old, tree)
                let oldRoot = MerkleTree.root(Array(tree.prefix(old)))
                #expect(MerkleTree.verifyConsistency(oldSize: old, oldRoot: oldRoot, newSize: size, newRoot: root, proof: proof))
                if old < size {
                    var changed = tree
                    changed[old - 1] = MerkleTree.leafHash([0xff])
                    // A tree that rewrote an old entry cannot prove it extends the old one.
                    #expect(
                        !MerkleTree.verifyConsistency(
                            oldSize: old, oldRoot: oldRoot, newSize: size, newRoot: MerkleTree.root(changed),
                            proof: MerkleTree.consistencyProof(from: old, changed)))
                }
            }
        }
    }
}

private func bytes(_ hex: String) -> [UInt8] {
    var result: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
        let next = hex.index(index, offsetBy: 2)
        result.append(UInt8(hex[index..<next], radix: 16)!)
        index = next
    }
    return result
}

private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

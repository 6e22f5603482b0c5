/// What people are told (GDPR Art. 12–14, 21; AI Act Art. 26(7), 26(11), 50).
public struct Notices: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    /// Where the privacy notice is (URL or document reference).
    public var privacyNotice: Located<String>?
    /// Callers hear that the call may be recorded, before it is.
    public var recordingAnnouncement: Located<Bool>?
    /// Callers can object (to recording, to marketing) simply.
    public var objectionOffered: Located<Bool>?
    /// Employees concerned were informed beforehand.
    public var employeesInformed: Located<Bool>?
    /// Staff representatives were consulted (AI Act Art. 26(7); French labour code).
    public var workersRepresentativesConsulted: Located<Bool>?
    /// People subject to decisions of an Annex III system are told (Art. 26(11)).
    public var decisionSubjectsInformed: Located<Bool>?
    /// People exposed to emotion recognition are told (Art. 50(3)).
    public var emotionRecognitionDisclosed: Located<Bool>?

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil else { return nil }
        location = node.location
        self.path = path
        privacyNotice = node.value("privacy_notice")
        recordingAnnouncement = node.value("recording_announcement")
        objectionOffered = node.value("objection_offered")
        employeesInformed = node.value("employees_informed")
        workersRepresentativesConsulted = node.value("workers_representatives_consulted")
        decisionSubjectsInformed = node.value("decision_subjects_informed")
        emotionRecognitionDisclosed = node.value("emotion_recognition_disclosed")
    }
}

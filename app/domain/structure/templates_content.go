package structure

// The contents of the templates. They follow the course’s sources (the
// self-organising system of Extinction Rebellion, sociocracy, Marshall
// Ganz’s snowflake, Momentum and Sunrise hubs, networked coalitions) in the
// app’s own French words.

// buildXR is a local group of Extinction Rebellion: an anchor circle, its
// own facilitation and budget roles, and five working groups double-linked
// to it, each with an external and an internal coordinator.
func buildXR(b *builder) {
	anchor := b.node(Cercle, "Cercle d’ancrage", mandate{
		"Garder le groupe local uni, fidèle aux principes et aux valeurs du mouvement, et relier ses groupes de travail.",
		[]string{
			"Accueillir les nouveaux groupes de travail et clarifier leurs mandats",
			"Tenir les réunions de coordination du groupe local",
			"Faire le lien avec le cercle régional",
			"Veiller à ce que chaque rôle soit pourvu ou remis en circulation",
		},
		"Mandats des groupes de travail, calendrier commun, budget du groupe local",
		consentement,
	})
	facilitation := b.node(Role, "Animation", mandate{
		"Rendre les réunions du cercle efficaces et faire en sorte que chaque voix compte.",
		[]string{
			"Préparer l’ordre du jour avec le cercle",
			"Animer les réunions et les décisions par consentement",
			"Veiller au temps et au partage de la parole",
		},
		"", parMandat,
	})
	b.link(anchor, facilitation, Delegation)
	groups := []struct {
		label string
		m     mandate
	}{
		{"Rayonnement et formation", mandate{
			"Faire connaître le mouvement et former les personnes qui le rejoignent.",
			[]string{
				"Organiser des présentations publiques et des séances d’accueil",
				"Offrir les formations de base (action non violente, culture régénératrice)",
				"Orienter les nouvelles personnes vers un groupe de travail",
			},
			"Matériel de formation, calendrier des présentations, liste des personnes intéressées",
			sollicitation,
		}},
		{"Médias et messages", mandate{
			"Porter les messages du groupe local dans les médias et sur les réseaux sociaux.",
			[]string{
				"Rédiger les communiqués et préparer les porte-parole",
				"Gérer les comptes de réseaux sociaux du groupe local",
				"Veiller à la cohérence des messages avec ceux du mouvement",
			},
			"Comptes de réseaux sociaux, liste des contacts médias, charte graphique locale",
			parMandat,
		}},
		{"Culture régénératrice", mandate{
			"Prendre soin des personnes et des liens pour que l’engagement dure.",
			[]string{
				"Proposer des pratiques de bien-être et de soutien entre pairs",
				"Accompagner les personnes après une action ou une arrestation",
				"Aider à dénouer les conflits",
			},
			"Espaces de soutien et ressources de bien-être",
			consentement,
		}},
		{"Action et logistique", mandate{
			"Préparer et mener des actions non violentes, sûres et bien organisées.",
			[]string{
				"Planifier les actions avec les autres groupes de travail",
				"Prévoir le matériel, les transports et le soutien juridique",
				"Faire le bilan de chaque action",
			},
			"Matériel d’action, plans d’action, contacts de soutien juridique",
			sollicitation,
		}},
		{"Arts", mandate{
			"Donner au mouvement une présence visuelle forte et joyeuse.",
			[]string{
				"Créer banderoles, affiches et costumes",
				"Animer des ateliers de création ouverts à tout le monde",
				"Entretenir le matériel artistique",
			},
			"Atelier et matériel artistique",
			voteParPoints,
		}},
	}
	var ids []int64
	for _, g := range groups {
		id := b.node(GroupeTravail, g.label, g.m)
		b.link(anchor, id, LienDouble)
		ids = append(ids, id)
	}
	budget := b.node(Role, "Gestion du budget", mandate{
		"Tenir l’argent du groupe local de façon transparente.",
		[]string{
			"Tenir les comptes et conserver les reçus",
			"Rembourser les dépenses approuvées",
			"Présenter l’état du budget au cercle d’ancrage",
		},
		"Compte bancaire et caisse du groupe local", parMandat,
	})
	b.link(anchor, budget, Delegation)
	for _, id := range ids {
		b.link(id, b.node(Role, "Coordination externe", mandate{
			"Représenter le groupe de travail au cercle d’ancrage.",
			[]string{
				"Porter au cercle d’ancrage les propositions et les besoins du groupe",
				"Rapporter au groupe les décisions et les nouvelles du cercle",
				"Faire le lien avec les groupes de travail voisins",
			},
			"", parMandat,
		}), Delegation)
		b.link(id, b.node(Role, "Coordination interne", mandate{
			"Faire vivre le groupe de travail au quotidien.",
			[]string{
				"Accueillir et intégrer les personnes qui arrivent",
				"Tenir à jour la liste des membres",
				"Convoquer les réunions et veiller au suivi",
			},
			"Liste des membres du groupe de travail", parMandat,
		}), Delegation)
	}
}

// buildSociocracy is a general circle double-linked to three circles: in
// each, a leader chosen by the general circle and a delegate elected by the
// circle sit in both.
func buildSociocracy(b *builder) {
	general := b.node(Cercle, "Cercle général", mandate{
		"Orienter l’organisation et coordonner ses cercles de travail.",
		[]string{
			"Définir la raison d’être et le domaine de chaque cercle",
			"Choisir le leader de chaque cercle de travail",
			"Arbitrer les besoins communs (budget, priorités)",
		},
		"Orientations, budget global, création et dissolution des cercles",
		consentement,
	})
	b.link(general, b.node(Role, "Animation", mandate{
		"Mener les réunions du cercle général vers des décisions par consentement.",
		[]string{
			"Préparer l’ordre du jour",
			"Animer les tours de parole et les objections",
			"Proposer les élections sans objection aux rôles",
		},
		"", parMandat,
	}), Delegation)
	circles := []struct {
		label string
		m     mandate
	}{
		{"Cercle Mobilisation", mandate{
			"Rassembler de nouvelles personnes et les engager dans les actions.",
			[]string{
				"Organiser les appels et le porte-à-porte",
				"Suivre les personnes qui s’engagent",
				"Préparer la logistique des rassemblements",
			},
			"Liste des personnes sympathisantes, outils de mobilisation",
			consentement,
		}},
		{"Cercle Communication", mandate{
			"Faire connaître les positions et les actions de l’organisation.",
			[]string{
				"Produire les contenus et les publications",
				"Entretenir les relations avec les médias",
				"Animer le site Web et les réseaux sociaux",
			},
			"Site Web, réseaux sociaux, identité visuelle",
			consentement,
		}},
		{"Cercle Formation", mandate{
			"Outiller les membres pour agir avec efficacité et en sécurité.",
			[]string{
				"Concevoir et animer les formations",
				"Accompagner les nouvelles personnes militantes",
				"Évaluer les besoins de formation",
			},
			"Programme et matériel de formation",
			consentement,
		}},
	}
	for _, c := range circles {
		id := b.node(Cercle, c.label, c.m)
		b.link(general, id, LienDouble)
		b.link(id, b.node(Role, "Leader", mandate{
			"Porter dans le cercle les attentes du cercle général.",
			[]string{
				"Siéger au cercle de travail et au cercle général",
				"Veiller à ce que le cercle remplisse sa raison d’être",
				"Être choisi·e par le cercle général, par élection sans objection",
			},
			"", parMandat,
		}), Delegation)
		b.link(id, b.node(Role, "Délégué·e", mandate{
			"Porter la voix du cercle au cercle général.",
			[]string{
				"Siéger au cercle général avec plein droit d’objection",
				"Rapporter au cercle les décisions du cercle général",
				"Être élu·e par son cercle, par élection sans objection",
			},
			"", parMandat,
		}), Delegation)
	}
	b.link(general, b.node(Role, "Secrétariat", mandate{
		"Garder la mémoire des décisions du cercle général.",
		[]string{
			"Rédiger et diffuser les comptes rendus",
			"Tenir le registre des décisions et des mandats",
			"Rappeler les dates de fin de mandat",
		},
		"Registre des décisions", parMandat,
	}), Delegation)
}

// buildSnowflake is Marshall Ganz’s snowflake: a core team whose members
// each anchor a team, whose members each anchor a neighbourhood team.
func buildSnowflake(b *builder) {
	core := b.node(Equipe, "Équipe centrale", mandate{
		"Porter la stratégie de la campagne et faire grandir le leadership des équipes.",
		[]string{
			"Fixer les objectifs communs et les échéances",
			"Accompagner chaque personne-pivot",
			"Faire le point chaque semaine sur les résultats",
		},
		"Stratégie, objectifs et ressources de la campagne",
		consentement,
	})
	sectors := []struct{ name, quarters [2]string }{
		{[2]string{"Nord", "du Nord"}, [2]string{"Nord-Est", "Nord-Ouest"}},
		{[2]string{"Centre", "du Centre"}, [2]string{"Centre-Est", "Centre-Ouest"}},
		{[2]string{"Sud", "du Sud"}, [2]string{"Sud-Est", "Sud-Ouest"}},
	}
	for _, s := range sectors {
		pivot := b.node(Personne, "Pivot "+s.name[0], mandate{
			"Membre de l’équipe centrale qui anime l’équipe " + s.name[1] + ".",
			[]string{
				"Recruter, former et accompagner les membres de l’équipe " + s.name[1],
				"Faire le lien entre l’équipe " + s.name[1] + " et l’équipe centrale",
			},
			"", parMandat,
		})
		b.link(core, pivot, Delegation)
		team := b.node(Equipe, "Équipe "+s.name[0], mandate{
			"Mobiliser le secteur " + s.name[0] + " et y faire naître de nouvelles équipes.",
			[]string{
				"Tenir une rencontre d’équipe chaque semaine",
				"Atteindre les objectifs de contacts du secteur",
				"Repérer et former de nouvelles personnes-pivots",
			},
			"Secteur " + s.name[0] + " et ses listes de contacts",
			consensus,
		})
		b.link(pivot, team, Coordination)
		for _, q := range s.quarters {
			qp := b.node(Personne, "Pivot "+q, mandate{
				"Membre de l’équipe " + s.name[1] + " qui anime l’équipe du quartier " + q + ".",
				[]string{
					"Recruter, former et accompagner les membres de l’équipe du quartier",
					"Rendre compte des résultats à l’équipe " + s.name[1],
				},
				"", parMandat,
			})
			b.link(team, qp, Delegation)
			b.link(qp, b.node(Equipe, "Quartier "+q, mandate{
				"Rejoindre les gens du quartier " + q + " en porte-à-porte et au téléphone.",
				[]string{
					"Tenir une rencontre d’équipe chaque semaine",
					"Faire du porte-à-porte et des appels dans le quartier",
					"Accueillir les personnes bénévoles qui arrivent",
				},
				"Listes de contacts du quartier " + q,
				temperature,
			}), Coordination)
		}
	}
}

// buildHubs is a movement of autonomous hubs in the manner of Momentum and
// Sunrise: a coordination hub, four local hubs it advises, each with a
// coordinator and a messenger, and the mass trainings that start new hubs.
func buildHubs(b *builder) {
	roles := func(hub int64) {
		b.link(hub, b.node(Role, "Coordination", mandate{
			"Faire avancer le pôle et veiller à ce que chaque équipe ait sa coordination.",
			[]string{
				"Animer les rencontres du pôle",
				"Suivre les engagements pris",
				"Accueillir les personnes qui arrivent",
			},
			"", parMandat,
		}), Delegation)
		b.link(hub, b.node(Role, "Messager·ère", mandate{
			"Faire circuler l’information entre le pôle et le reste du mouvement.",
			[]string{
				"Participer aux appels entre pôles",
				"Transmettre les nouvelles et les demandes de conseil",
				"Rapporter au pôle les décisions et les ressources communes",
			},
			"", parMandat,
		}), Delegation)
	}
	centre := b.node(Hub, "Pôle de coordination", mandate{
		"Garder vivants le récit, la stratégie, la structure et la culture communs, et soutenir les pôles locaux.",
		[]string{
			"Tenir à jour le récit et la stratégie communs",
			"Soutenir l’équipe des formations de masse",
			"Répondre aux demandes de conseil des pôles locaux",
			"Faire circuler les bonnes pratiques d’un pôle à l’autre",
		},
		"Nom, récit et identité visuelle du mouvement",
		consentement,
	})
	roles(centre)
	for _, city := range []string{"Montréal", "Québec", "Sherbrooke", "Gatineau"} {
		hub := b.node(Hub, "Pôle "+city, mandate{
			"Mener des actions à " + city + " dans le récit, la stratégie, la structure et la culture du mouvement.",
			[]string{
				"Accueillir et former les nouvelles personnes militantes",
				"Organiser des actions locales sans attendre de permission",
				"Demander conseil au pôle de coordination et aux autres pôles",
			},
			"Actions, rencontres et finances du pôle",
			troisPersonne,
		})
		b.link(centre, hub, Conseil)
		roles(hub)
	}
	b.link(centre, b.node(Equipe, "Formations de masse", mandate{
		"Former beaucoup de personnes à la fois pour faire naître de nouveaux pôles.",
		[]string{
			"Organiser les formations de masse",
			"Mettre chaque personne formée en lien avec un pôle, existant ou à créer",
			"Améliorer le contenu après chaque formation",
		},
		"Contenu et calendrier des formations de masse",
		sollicitation,
	}), Delegation)
}

// buildCoalition is a hub-and-spoke coalition: a light backbone team
// coordinating six autonomous member organisations.
func buildCoalition(b *builder) {
	backbone := b.node(Equipe, "Équipe d’appui", mandate{
		"Relier les organisations partenaires et faciliter leur travail commun, sans parler à leur place.",
		[]string{
			"Animer les rencontres de la coalition",
			"Faire circuler l’information entre partenaires",
			"Préparer les propositions et les documents communs",
			"Suivre les engagements de chaque organisation",
		},
		"Outils de communication et calendrier de la coalition",
		sollicitation,
	})
	partners := []struct {
		label, purpose, method string
	}{
		{"Syndicat", "Défendre les conditions de travail de ses membres et porter leurs revendications dans la coalition.", majorite},
		{"Groupe écologiste", "Apporter son expertise environnementale et sa capacité d’action directe.", consentement},
		{"Association étudiante", "Mobiliser la population étudiante et porter ses revendications.", majorite},
		{"Organisme communautaire", "Faire entendre les personnes qu’il accompagne au quotidien.", consensus},
		{"Regroupement de locataires", "Défendre le droit au logement et mobiliser les locataires.", majorite},
		{"Collectif citoyen", "Rassembler les gens du quartier autour des luttes de la coalition.", assemblee},
	}
	for _, p := range partners {
		b.link(backbone, b.node(Partenaire, p.label, mandate{
			p.purpose,
			[]string{
				"Désigner une personne déléguée à la coalition",
				"Faire valider les positions communes par ses propres instances",
				"Mobiliser ses membres pour les actions communes",
			},
			"Ses propres ressources, décisions et communications",
			p.method,
		}), Coordination)
	}
}
